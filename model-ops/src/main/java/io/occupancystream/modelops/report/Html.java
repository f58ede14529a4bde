package io.occupancystream.modelops.report;

import java.util.Base64;

/** Small pieces of HTML; every text argument is escaped here. */
final class Html {
    private Html() {}

    /** The document up to and including its heading, {@code title} also the page's title. */
    static String pageStart(String title, String style) {
        String escaped = escape(title);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escaped
                + "</title>\n<style>"
                + style
                + "</style>\n</head>\n<body>\n<h1>"
                + escaped
                + "</h1>\n";
    }

    /** A PNG embedded in the page itself, so the file stands alone. */
    static String pngImage(byte[] png, int width, int height, String alt) {
        return "<img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png)
                + "\" width=\""
                + width
                + "\" height=\""
                + height
                + "\" alt=\""
                + escape(alt)
                + "\">";
    }

    /** A table row of a header cell and a data cell. */
    static String keyValueRow(String key, String value) {
        return "<tr><th>" + escape(key) + "</th><td>" + escape(value) + "</td></tr>\n";
    }

    /** Text made safe for element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
