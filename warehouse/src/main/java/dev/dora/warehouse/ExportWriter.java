package dev.dora.warehouse;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes a result set as CSV (RFC 4180, a header row, text cells escaped against formula injection)
 * or as a JSON array of objects. Times are ISO-8601 UTC instants, dates ISO days.
 */
public final class ExportWriter {
    private ExportWriter() {}

    static void csv(ResultSet r, OutputStream out) throws SQLException, IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ResultSetMetaData meta = r.getMetaData();
        int n = meta.getColumnCount();
        for (int i = 1; i <= n; i++) {
            w.write((i > 1 ? "," : "") + csvCell(meta.getColumnLabel(i)));
        }
        w.write("\r\n");
        while (r.next()) {
            for (int i = 1; i <= n; i++) {
                if (i > 1) {
                    w.write(',');
                }
                Object v = value(r.getObject(i));
                if (v instanceof String s) {
                    w.write(csvCell(s));
                } else if (v != null) {
                    w.write(v.toString()); // numbers and booleans: never a formula
                }
            }
            w.write("\r\n");
        }
        w.flush();
    }

    static void json(ResultSet r, OutputStream out) throws SQLException, IOException {
        ResultSetMetaData meta = r.getMetaData();
        int n = meta.getColumnCount();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            while (r.next()) {
                g.writeStartObject();
                for (int i = 1; i <= n; i++) {
                    g.writeFieldName(meta.getColumnLabel(i));
                    Object v = value(r.getObject(i));
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Long l) {
                        g.writeNumber(l);
                    } else if (v instanceof Integer x) {
                        g.writeNumber(x);
                    } else if (v instanceof Double d) {
                        g.writeNumber(d);
                    } else if (v instanceof java.math.BigDecimal d) {
                        g.writeNumber(d);
                    } else if (v instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.flush();
    }

    /** Timestamps as UTC instants, dates as days, the rest as DuckDB returns it. */
    private static Object value(Object v) {
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.time.LocalDate d) {
            return d.toString();
        }
        return v;
    }

    /**
     * One CSV text cell. A cell a spreadsheet would run as a formula (starting with {@code =},
     * {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading apostrophe, as OWASP
     * advises; a cell with a comma, quote or line break is quoted, quotes doubled.
     */
    public static String csvCell(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0
                || s.indexOf('"') >= 0
                || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
