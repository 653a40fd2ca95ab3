package cn.hrss.zcrd.shared;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The query form the list pages share (职称认定审核, 上报, 证书库, 证书管理): what the user typed, kept in the
 * view-scoped bean until 查询 turns it into the list's query. Null or blank parts do not filter; a page binds the
 * fields it offers ({@code #{view.form.name}}) and keeps its own extras (status, business) beside it.
 */
public class ListForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String idNumber;
    private String levelCode;
    private String seriesCode;
    private Integer year;
    private LocalDate from;
    private LocalDate to;

    /** 重置: every field empty again. */
    public void clear() {
        name = null;
        idNumber = null;
        levelCode = null;
        seriesCode = null;
        year = null;
        from = null;
        to = null;
    }

    /** Part of the person's name. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The person's ID number (or its start, where the list says so). */
    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    /** 级别 */
    public String getLevelCode() {
        return levelCode;
    }

    public void setLevelCode(String levelCode) {
        this.levelCode = levelCode;
    }

    /** 系列 */
    public String getSeriesCode() {
        return seriesCode;
    }

    public void setSeriesCode(String seriesCode) {
        this.seriesCode = seriesCode;
    }

    /** 申报年度; null: any year. */
    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    /** First day of the list's date range, inclusive. */
    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    /** Last day of the list's date range, inclusive. */
    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
