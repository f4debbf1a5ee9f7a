package io.github.duban.server;

/** A request over one of the server's size limits (a facts list past --max-facts): 413. */
final class RequestTooLarge extends io.github.duban.error.DubanException {
    RequestTooLarge(String message) {
        super(message);
    }
}
