package dev.dora.warehouse;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A period of whole UTC days, both ends included. */
public record Period(LocalDate from, LocalDate to) {
    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Start as a SQL timestamp literal (inclusive). */
    String startLiteral() {
        return from + " 00:00:00";
    }

    /** End as a SQL timestamp literal (exclusive: the day after {@code to}). */
    String endLiteral() {
        return to.plusDays(1) + " 00:00:00";
    }
}
