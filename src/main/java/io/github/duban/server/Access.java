package io.github.duban.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Who may do what, before any controller runs. Under {@code /api/v1}: a call carries
 * {@code Authorization: Bearer TOKEN} (the token or the admin token), or the console's session
 * cookie, whose writes must also carry {@code X-CSRF-Token}; saving and activating rules versions
 * needs the admin token. The OpenAPI document, its page and signing in need nothing. Bodies over
 * the limit are refused with 413 before they are read, and a body that streams past it is cut off.
 * Every answer gets headers that keep pages from being framed or sniffed. Tokens are compared in
 * constant time and never logged. Thread-safe.
 */
final class Access extends OncePerRequestFilter {
    static final String ROLE = "duban.role";
    static final String NAME = "duban.name";
    static final String CSRF = "duban.csrf";
    static final String ADMIN = "admin";
    static final String USER = "user";
    /** The request attribute that names who makes the call, for the audit log. */
    static final String WHO = "duban.who";

    private static final Pattern ADMIN_PATHS = Pattern.compile("/api/v1/rules/versions(/[^/]+/activate)?/?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] token;
    private final byte[] adminToken;
    private final long maxBody;
    private final long maxUpload;

    Access(String token, String adminToken, long maxBody, long maxUpload) {
        this.token = digest(token);
        this.adminToken = adminToken == null ? null : digest(adminToken);
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.startsWith("/api/")) {
            chain.doFilter(req, res);
            return;
        }
        res.setHeader("Cache-Control", "no-store");
        boolean multipart = req.getContentType() != null && req.getContentType().toLowerCase().startsWith("multipart/");
        long limit = multipart ? maxUpload + 64 * 1024 : maxBody;
        if (req.getContentLengthLong() > limit) {
            Errors.send(res, 413, "too large", (multipart ? "the upload" : "the body") + " is " + req.getContentLengthLong()
                    + " bytes; at most " + limit + " are taken (duban serve " + (multipart ? "--max-upload-kb" : "--max-body-kb") + ")");
            return;
        }
        String method = req.getMethod();
        if (path.equals("/api/v1/openapi.json") || path.equals("/api/v1/docs") || path.equals("/api/v1/session")) {
            chain.doFilter(limited(req, limit, multipart), res);
            return;
        }
        String role = null;
        String who = null;
        String auth = req.getHeader("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Errors.send(res, 401, "unauthorized", "the Authorization header must be \"Bearer TOKEN\"");
                return;
            }
            byte[] given = digest(auth.substring(7).strip());
            if (adminToken != null && MessageDigest.isEqual(given, adminToken)) {
                role = ADMIN;
            } else if (MessageDigest.isEqual(given, token)) {
                role = USER;
            } else {
                Errors.send(res, 401, "unauthorized", "the token is not this server's");
                return;
            }
            String name = clean(header(req.getHeader("X-Duban-User")));
            who = (name == null ? "" : name + " ") + "(" + (ADMIN.equals(role) ? "admin token" : "token") + ")";
        } else {
            HttpSession s = req.getSession(false);
            if (s != null && s.getAttribute(ROLE) != null) {
                role = (String) s.getAttribute(ROLE);
                who = s.getAttribute(NAME) + " (console, " + role + ")";
                boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
                if (!safe && !MessageDigest.isEqual(bytes(req.getHeader("X-CSRF-Token")), bytes((String) s.getAttribute(CSRF)))) {
                    Errors.send(res, 403, "forbidden", "a console write must carry the X-CSRF-Token header of its sign-in");
                    return;
                }
            }
        }
        if (role == null) {
            Errors.send(res, 401, "unauthorized", "sign in, or send Authorization: Bearer TOKEN");
            return;
        }
        if (method.equals("POST") && ADMIN_PATHS.matcher(path).matches() && !ADMIN.equals(role)) {
            Errors.send(res, 403, "forbidden", adminToken == null
                    ? "this server was started without an admin token (duban serve --admin-token-file): no one may change its rules"
                    : "saving and activating rules versions needs the admin token");
            return;
        }
        req.setAttribute(WHO, who);
        chain.doFilter(limited(req, limit, multipart), res);
    }

    /** The role a sign-in token gives: admin, user, or null for neither. */
    String roleOf(String given) {
        if (given == null) {
            return null;
        }
        byte[] d = digest(given.strip());
        if (adminToken != null && MessageDigest.isEqual(d, adminToken)) {
            return ADMIN;
        }
        return MessageDigest.isEqual(d, token) ? USER : null;
    }

    static String newCsrf() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A name as the audit log may hold it: printable, at most 40 characters; null when none. */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        String n = name.replaceAll("\\p{C}", "").strip();
        if (n.isEmpty()) {
            return null;
        }
        return n.length() > 40 ? n.substring(0, 40) : n;
    }

    /**
     * A header's text: HTTP carries headers as ISO-8859-1, so a name sent as UTF-8 bytes arrives as
     * their Latin-1 characters and is read back as UTF-8; a percent-encoded name is decoded.
     */
    static String header(String h) {
        if (h == null) {
            return null;
        }
        if (h.indexOf('%') >= 0) {
            try {
                return java.net.URLDecoder.decode(h, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return h;
            }
        }
        for (int i = 0; i < h.length(); i++) {
            if (h.charAt(i) > 0xFF) {
                return h;
            }
        }
        return new String(h.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Tokens are compared as SHA-256 digests, so the comparison takes the same time whatever their lengths. */
    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request, its body cut off past {@code limit} bytes (a body sent without its length). */
    private static HttpServletRequest limited(HttpServletRequest req, long limit, boolean multipart) {
        if (multipart) {
            return req; // the multipart resolver counts the upload against --max-upload-kb
        }
        return new HttpServletRequestWrapper(req) {
            private ServletInputStream in;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new Counted(super.getInputStream(), limit);
                }
                return in;
            }
        };
    }

    /** What a body that streams past the limit throws; the error handler answers 413. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the body is over " + limit + " bytes, the most taken (duban serve --max-body-kb)");
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws TooLarge {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new TooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(in.read(b, off, len));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener l) {
            in.setReadListener(l);
        }
    }
}
