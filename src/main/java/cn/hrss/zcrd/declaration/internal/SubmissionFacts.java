package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.catalog.Title;
import cn.hrss.zcrd.declaration.Declaration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the submission policies look at: the declaration, its level, declaration method and title as the catalog has
 * them now (and whether the title still offers its specialty), how many other open declarations the person has for
 * the same year and level, and today.
 */
public record SubmissionFacts(
        Declaration declaration,
        Optional<Level> level,
        Optional<DeclarationMethod> method,
        Optional<Title> title,
        boolean specialtyOffered,
        long otherOpenDeclarations,
        LocalDate today) {

    /** Facts for the full-time rules, which do not look at the title. */
    public SubmissionFacts(
            Declaration declaration,
            Optional<Level> level,
            Optional<DeclarationMethod> method,
            long otherOpenDeclarations,
            LocalDate today) {
        this(declaration, level, method, Optional.empty(), true, otherOpenDeclarations, today);
    }
}
