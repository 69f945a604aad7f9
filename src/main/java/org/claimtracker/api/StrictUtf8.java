package org.claimtracker.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON bodies must be well-formed UTF-8 (RFC 8259). Jackson decodes multi-byte sequences without
 * checking them, so an overlong form ({@code C0 AF} for '/', the classic way past a filter) or an
 * encoded surrogate would otherwise be stored as another character. The body is checked byte by
 * byte as Jackson reads it, without holding it.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            context.setInputStream(new Checked(context.getInputStream()));
        }
        return context.proceed();
    }

    /** The body is not UTF-8; {@code offset} counts bytes from 0. */
    public static final class Malformed extends IOException {

        private final long offset;

        Malformed(long offset) {
            super("The body is not valid UTF-8 (at byte " + offset + ")");
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    /** Passes the bytes through, failing at the first one that breaks UTF-8 (RFC 3629). */
    static final class Checked extends FilterInputStream {

        private long offset;
        private int pending;
        private int low = 0x80;
        private int high = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                end();
            } else {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int n = in.read(buffer, from, length);
            if (n < 0) {
                end();
            }
            for (int i = 0; i < n; i++) {
                check(buffer[from + i] & 0xFF);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[(int) Math.min(n, 8192)];
            int read = read(discard, 0, discard.length);
            return Math.max(read, 0);
        }

        private void end() throws Malformed {
            if (pending > 0) {
                throw new Malformed(offset);
            }
        }

        private void check(int b) throws Malformed {
            if (pending > 0) {
                if (b < low || b > high) {
                    throw new Malformed(offset);
                }
                low = 0x80;
                high = 0xBF;
                pending--;
            } else if (b >= 0x80) {
                // The lead byte says how many continuation bytes follow and, where some second bytes would
                // make an overlong form, a surrogate or a code point past U+10FFFF, narrows the next one.
                if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                    low = b == 0xE0 ? 0xA0 : 0x80;
                    high = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                    low = b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    throw new Malformed(offset);
                }
            }
            offset++;
        }
    }
}
