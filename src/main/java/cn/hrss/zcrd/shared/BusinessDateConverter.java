package cn.hrss.zcrd.shared;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The date fields of the faces views ({@code converter="#{businessDate}"}): reads and writes {@code 2026-12-06}
 * through {@link BusinessTime}, so no view declares a pattern of its own (and none falls into
 * {@code f:convertDateTime}'s UTC default). The field's {@code converterMessage} is the Chinese message of a bad date.
 */
public final class BusinessDateConverter implements Converter<LocalDate>, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return BusinessTime.parseDate(value).orElseThrow(ConverterException::new);
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : BusinessTime.formatDate(value);
    }
}
