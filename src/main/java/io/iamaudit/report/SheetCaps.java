package io.iamaudit.report;

import java.util.Map;

/**
 * Sheet-only caps on evidence columns: a principal with hundreds of removed permissions otherwise fills a cell with
 * tens of thousands of characters, which Excel cuts and which overprints the following rows when printed. The
 * sheet shows whole lines up to the cap and says where the rest is; the csv keeps the full evidence.
 */
final class SheetCaps {
    /** Column key to the most characters its sheet cell shows. */
    static final Map<String, Integer> CAPS = Map.of("removed_permissions", 2_000);

    private SheetCaps() {
    }

    static String cap(String key, String text) {
        Integer cap = CAPS.get(key);
        if (cap == null || text.length() <= cap) {
            return text;
        }
        int cut = text.lastIndexOf('\n', cap);
        String shown = cut > 0 ? text.substring(0, cut) : text.substring(0, cap);
        long more = text.substring(shown.length()).lines().filter(l -> !l.isBlank()).count();
        return shown + "\n\u2026 " + more + " more line(s): the full evidence is in csv/least-privilege.csv";
    }
}
