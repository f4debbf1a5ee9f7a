package io.github.duban.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.duban.error.CalendarException;
import io.github.duban.error.DubanException;
import io.github.duban.error.InputException;
import io.github.duban.error.LedgerException;
import io.github.duban.error.LimitException;
import io.github.duban.error.RulesException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Every failure as JSON {@code {"status", "error", "message", "file"?, "line"?, "field"?}}: bad
 * input 400 with the message the command line gives, 404 for what the server does not hold, 409,
 * 413 past a size limit, 422 when the rules stop at a firing limit; anything else 500 with its
 * type only, the stack trace going to the server's log and never to the caller. Thread-safe.
 */
@RestControllerAdvice
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    static ObjectNode body(int status, String error, String message) {
        ObjectNode n = Office.JSON.createObjectNode();
        n.put("status", status);
        n.put("error", error);
        n.put("message", message);
        return n;
    }

    static void send(HttpServletResponse res, int status, String error, String message) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getOutputStream().write(Office.JSON.writeValueAsString(body(status, error, message)).getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<ObjectNode> answer(int status, String error, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status, error, message));
    }

    @ExceptionHandler(InputException.class)
    ResponseEntity<ObjectNode> input(InputException e) {
        ResponseEntity<ObjectNode> r = answer(400, "bad input", e.getMessage());
        ObjectNode b = r.getBody();
        if (e.file() != null) {
            b.put("file", e.file());
        }
        if (e.line() > 0) {
            b.put("line", e.line());
        }
        if (e.field() != null) {
            b.put("field", e.field());
        }
        return r;
    }

    @ExceptionHandler({LedgerException.class, CalendarException.class, RulesException.class})
    ResponseEntity<ObjectNode> refused(DubanException e) {
        return answer(400, "bad input", e.getMessage());
    }

    @ExceptionHandler(LimitException.class)
    ResponseEntity<ObjectNode> limit(LimitException e) {
        return answer(422, "rules stopped", e.getMessage());
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<ObjectNode> tooLarge(RequestTooLarge e) {
        return answer(413, "too large", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ObjectNode> notFound(NotFoundException e) {
        return answer(404, "not found", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ObjectNode> noPath(NoResourceFoundException e) {
        return answer(404, "not found", "no such path: " + e.getResourcePath());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ObjectNode> conflict(ConflictException e) {
        return answer(409, "conflict", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ObjectNode> upload(MaxUploadSizeExceededException e) {
        return answer(413, "too large", "the upload is over " + e.getMaxUploadSize() / 1024 + " KB, the most taken (duban serve --max-upload-kb)");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ObjectNode> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Access.TooLarge) {
                return answer(413, "too large", t.getMessage());
            }
        }
        Throwable root = e.getMostSpecificCause();
        String m = root instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                + (j.getLocation() != null ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "")
                : "the body is missing or is not JSON";
        return answer(400, "bad input", "request: the body is not the JSON expected: " + m);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ObjectNode> missing(Exception e) {
        return answer(400, "bad input", "request: " + e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ObjectNode> mistyped(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == java.time.YearMonth.class ? "a month, YYYY-MM"
                : e.getRequiredType() == java.time.LocalDate.class ? "a date, YYYY-MM-DD"
                : e.getRequiredType() == Integer.class || e.getRequiredType() == int.class ? "a whole number" : "a " + e.getRequiredType().getSimpleName();
        ResponseEntity<ObjectNode> r = answer(400, "bad input", "request: field " + e.getName() + ": \"" + e.getValue() + "\" is not " + expected);
        r.getBody().put("field", e.getName());
        return r;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ObjectNode> multipart(MultipartException e) {
        return answer(400, "bad input", "request: the upload is not a multipart form with a file field");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ObjectNode> method(HttpRequestMethodNotSupportedException e) {
        return answer(405, "method not allowed", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ObjectNode> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(415, "unsupported media type", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ObjectNode> failure(Exception e) {
        LOG.error("internal error", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR.value(), "internal error",
                "the server failed (" + e.getClass().getSimpleName() + "); its log says more");
    }
}
