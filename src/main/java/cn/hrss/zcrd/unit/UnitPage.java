package cn.hrss.zcrd.unit;

import java.io.Serializable;
import java.util.List;

/** A page of the unit directory's answer, and how many units match in all. */
public record UnitPage(List<UnitSummary> units, long total, int page, int size) implements Serializable {

    public UnitPage {
        units = List.copyOf(units);
    }
}
