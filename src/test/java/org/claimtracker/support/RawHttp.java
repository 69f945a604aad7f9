package org.claimtracker.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library would tidy away: a request exactly
 * as written (commas in the path, any Host header), a chosen source address (on Linux every
 * 127.x.y.z is the local machine, so a test can be a client from "another address"), and a client
 * that reads the head of an answer and then nothing more.
 */
public final class RawHttp implements AutoCloseable {

    /** Generous: the machine may be busy with other builds. */
    public static final int READ_TIMEOUT_MILLIS = 60_000;

    private final Socket socket;
    private final InputStream in;

    /** The status line and headers of an answer. */
    public record Head(int status, List<String> lines) {

        /** The first value of a header, or null. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).strip();
                }
            }
            return null;
        }

        /** Every value of a header (Set-Cookie comes once per cookie). */
        public List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            List<String> values = new ArrayList<>();
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    values.add(line.substring(prefix.length()).strip());
                }
            }
            return values;
        }
    }

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects to the tracker under test from 127.0.0.1. */
    public static RawHttp connect() throws IOException {
        return connect(null, 0);
    }

    /**
     * Connects to the tracker under test from {@code sourceAddress} (null: the default), with a
     * receive buffer of {@code receiveBuffer} bytes (0: the default); a small buffer makes a client
     * that stops reading stall the server quickly.
     */
    public static RawHttp connect(String sourceAddress, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        if (sourceAddress != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return new RawHttp(socket);
    }

    /** Sends a request: the request line, then the headers (without the blank line), then the body. */
    public RawHttp send(String requestLine, List<String> headers, String body) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        boolean hasHost = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"));
        if (!hasHost) {
            request.append("Host: 127.0.0.1:").append(RestAssured.port).append("\r\n");
        }
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
        return this;
    }

    /** Sends these characters as they are (ISO-8859-1), say half a request. */
    public RawHttp sendRaw(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** A GET with these headers. */
    public RawHttp get(String target, String... headers) throws IOException {
        return send("GET " + target + " HTTP/1.1", List.of(headers), null);
    }

    /** A form POST (application/x-www-form-urlencoded) with these headers. */
    public RawHttp postForm(String target, String form, String... headers) throws IOException {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Type: application/x-www-form-urlencoded");
        return send("POST " + target + " HTTP/1.1", all, form);
    }

    /**
     * Reads the status line and headers, one byte at a time so that nothing of the body is taken
     * from the socket. Throws SocketTimeoutException when no full head arrives in time.
     */
    public Head head() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after " + bytes.size() + " bytes");
            }
            bytes.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        return new Head(Integer.parseInt(status[1]), List.of(lines).subList(1, lines.length));
    }

    /** Whether the server has closed the connection: reads (and drops) until the end, or until the timeout. */
    public boolean closedByServerWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // what the server still sends is not what this asks about
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
