package cn.hrss.zcrd.catalog.internal;

import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Series;
import cn.hrss.zcrd.catalog.TitleCatalog;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * The 级别 and 系列 a query form offers ({@code #{catalogChoices.levels}}, {@code #{catalogChoices.seriesList}}):
 * the enabled ones, read once per request. The list pages share it instead of each asking the catalog itself.
 */
@Component("catalogChoices")
@RequestScope
public class CatalogChoices {

    private final TitleCatalog catalog;
    private List<Level> levels;
    private List<Series> seriesList;

    CatalogChoices(TitleCatalog catalog) {
        this.catalog = catalog;
    }

    /** The enabled levels. */
    public List<Level> getLevels() {
        if (levels == null) {
            levels = catalog.levels().stream().filter(Level::enabled).toList();
        }
        return levels;
    }

    /** The enabled series. */
    public List<Series> getSeriesList() {
        if (seriesList == null) {
            seriesList = catalog.series().stream().filter(Series::enabled).toList();
        }
        return seriesList;
    }
}
