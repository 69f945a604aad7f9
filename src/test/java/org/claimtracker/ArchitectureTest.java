package org.claimtracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md, checked on the compiled classes: the shared layers never
 * reach up (core knows nothing of the tracker; the API layer knows the core; the admin web layer
 * knows both), the accounts and tokens do not depend on how requests are authenticated (security
 * builds on them, not the other way), services never see the admin layer's forms, and what the
 * REST and admin resources hand out are records, never entities.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.claimtracker");
    }

    @Test
    void everyPackageIsNamedHere() {
        java.util.Set<String> packages = new java.util.TreeSet<>();
        classes.forEach(c -> {
            String name = c.getPackageName();
            if (name.startsWith("org.claimtracker.")) {
                packages.add(name.substring("org.claimtracker.".length()).split("\\.")[0]);
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(PACKAGES), packages,
                "a new package must be placed in the rules (and in ARCHITECTURE.md)");
    }

    @Test
    void theCoreDependsOnNothingElseOfTheTracker() {
        noClasses().that().resideInAPackage("org.claimtracker.core..")
                .should().dependOnClassesThat().resideInAnyPackage(trackerPackagesBut("core"))
                .check(classes);
    }

    @Test
    void theApiLayerKnowsOnlyTheCore() {
        noClasses().that().resideInAPackage("org.claimtracker.api..")
                .should().dependOnClassesThat().resideInAnyPackage(trackerPackagesBut("core", "api"))
                .check(classes);
    }

    @Test
    void picturesKnowOnlyTheCoreAndTheVocabulariesTheyColour() {
        noClasses().that().resideInAPackage("org.claimtracker.picture..")
                .should().dependOnClassesThat().resideInAnyPackage(trackerPackagesBut("core", "picture", "response", "position"))
                .check(classes);
    }

    @Test
    void theReplicaReadsKnowOnlyTheCore() {
        noClasses().that().resideInAPackage("org.claimtracker.replica..")
                .should().dependOnClassesThat().resideInAnyPackage(trackerPackagesBut("core", "replica"))
                .check(classes);
    }

    @Test
    void theAdminWebLayerKnowsOnlyTheCoreAndTheApiLayer() {
        noClasses().that().resideInAPackage("org.claimtracker.web..")
                .should().dependOnClassesThat().resideInAnyPackage(trackerPackagesBut("core", "api", "web"))
                .check(classes);
    }

    @Test
    void accountsDoNotKnowHowRequestsAreAuthenticated() {
        noClasses().that().resideInAPackage("org.claimtracker.account..")
                .should().dependOnClassesThat().resideInAPackage("org.claimtracker.security..")
                .check(classes);
    }

    @Test
    void servicesNeverSeeTheAdminForms() {
        noClasses().that().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat().resideInAPackage("org.claimtracker.web..")
                .check(classes);
    }

    @Test
    void resourcesHandOutRecordsNotEntities() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(classes);
    }

    /** Every package of the tracker except the given ones (and their subpackages). */
    private static String[] trackerPackagesBut(String... allowed) {
        return PACKAGES.stream().filter(p -> !java.util.List.of(allowed).contains(p))
                .map(p -> "org.claimtracker." + p + "..").toArray(String[]::new);
    }

    private static final java.util.List<String> PACKAGES = java.util.List.of("core", "api", "web", "account", "annotation", "article",
            "audit", "claim", "dashboard", "export", "importer", "incident", "outlet", "party", "position", "record", "report", "response",
            "picture", "replica", "search", "security", "seed", "setup");
}
