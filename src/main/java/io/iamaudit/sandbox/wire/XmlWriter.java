package io.iamaudit.sandbox.wire;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** A tiny streaming XML writer for query-protocol responses: elements, escaped text, {@code member} lists. */
public final class XmlWriter {

    private final StringBuilder sb = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    public XmlWriter start(String name) {
        sb.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter start(String name, String xmlns) {
        sb.append('<').append(name).append(" xmlns=\"").append(xmlns).append("\">");
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        sb.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text content; nothing is written for a null value (absent member). */
    public XmlWriter el(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant i ? Timestamps.iso(i) : String.valueOf(value);
        sb.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    public XmlWriter empty(String name) {
        sb.append('<').append(name).append("/>");
        return this;
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements " + open);
        }
        return sb.toString();
    }
}
