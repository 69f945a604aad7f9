package org.claimtracker.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/** Every record logged while it is installed (on the root logger), with its exceptions and their causes, as text. */
public final class LogCapture extends Handler {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void publish(LogRecord record) {
        text.append(record.getLoggerName()).append(' ').append(record.getLevel()).append(' ');
        text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage()).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace).append('\n');
        }
        notifyAll();
    }

    /** Waits until the text logged holds {@code fragment}, at most {@code millis}; whether it does. */
    public synchronized boolean await(String fragment, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!text.toString().contains(fragment)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    public synchronized String text() {
        return text.toString();
    }
}
