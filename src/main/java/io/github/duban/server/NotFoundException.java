package io.github.duban.server;

/** A plan, version or other named thing the server does not hold: 404. */
final class NotFoundException extends io.github.duban.error.DubanException {
    NotFoundException(String message) {
        super(message);
    }
}
