package io.github.duban.server;

/** A request the server understands but will not carry out in its present state: 409. */
final class ConflictException extends io.github.duban.error.DubanException {
    ConflictException(String message) {
        super(message);
    }
}
