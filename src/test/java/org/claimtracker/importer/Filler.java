package org.claimtracker.importer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An input made on the fly, never held: {@code prefix}, then {@code size} bytes of {@code filler},
 * then {@code suffix}. It allocates nothing while it is read, so that a test can count what the
 * reader allocates.
 */
final class Filler extends InputStream {

    private final byte[] prefix;
    private final byte[] suffix;
    private final byte filler;
    private final long size;
    private long position;

    Filler(String prefix, long size, char filler, String suffix) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        this.filler = (byte) filler;
        this.size = size;
    }

    long length() {
        return prefix.length + size + suffix.length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= length()) {
            return -1;
        }
        int n = 0;
        while (n < length && position < length()) {
            if (position < prefix.length) {
                buffer[offset + n++] = prefix[(int) position++];
            } else if (position < prefix.length + size) {
                int run = (int) Math.min(length - n, prefix.length + size - position);
                Arrays.fill(buffer, offset + n, offset + n + run, filler);
                n += run;
                position += run;
            } else {
                buffer[offset + n++] = suffix[(int) (position++ - prefix.length - size)];
            }
        }
        return n;
    }
}
