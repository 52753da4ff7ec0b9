package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.quantplug.web.ApiException;
import io.quantplug.web.Json;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpException;

/**
 * Reads the multipart part {@code file} of an upload, turning every way the multipart parsing can fail into the
 * API's answer: 413 when the body is over a limit (whether it declared its length or came chunked), 400 when it is
 * not a well-formed multipart body, and 400 for a file name that is too long or holds a NUL or line break (such a
 * name could not be stored or audited). Jetty reports these as a {@code ServletException} that Javalin throws
 * undeclared, so it is caught here as an exception of any kind, once for every upload endpoint.
 */
final class UploadPart {

    private UploadPart() {
    }

    /**
     * The uploaded file.
     *
     * @param ctx      the request
     * @param tooLarge the answer when the body is over the limit
     * @param what     what the part must hold, for the message when it is missing (e.g. {@code the jar})
     * @return the part
     * @throws ApiException 400 naming {@code file}, or {@code tooLarge}
     */
    static UploadedFile of(Context ctx, Supplier<ApiException> tooLarge, String what) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) { // ServletException, thrown undeclared by Javalin's Kotlin code
            if (overLimit(e)) {
                throw tooLarge.get();
            }
            throw ApiException.badField("file", "not a multipart upload: " + Json.brief(rootMessage(e)));
        }
        if (file == null) {
            throw ApiException.badField("file", "send " + what + " as a multipart form part named 'file'");
        }
        String name = file.filename();
        if (name == null || name.length() > 255 || name.chars().anyMatch(c -> c == 0 || c == '\n' || c == '\r')) {
            throw ApiException.badField("file", "the file name must have 1-255 characters and no NUL or line break");
        }
        return file;
    }

    private static boolean overLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() == 413) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceed") || m.contains("too large") || m.contains("max")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
