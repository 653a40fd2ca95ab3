package cn.hrss.zcrd.declaration.internal;

import cn.hrss.zcrd.catalog.DeclarationMethod;
import cn.hrss.zcrd.catalog.Level;
import cn.hrss.zcrd.declaration.Declaration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the submission policies look at: the declaration, its level and declaration method as the catalog has them
 * now, how many other open declarations the person has for the same year and level, and today.
 */
public record SubmissionFacts(
        Declaration declaration,
        Optional<Level> level,
        Optional<DeclarationMethod> method,
        long otherOpenDeclarations,
        LocalDate today) {}
