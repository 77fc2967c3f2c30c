package dev.mlgitops.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Fleet;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;

/**
 * What the schema cannot say of an environment's clusters: it names one cluster or a fleet, not
 * both and not neither; a fleet lists each cluster once, by name and by server; either every
 * listed cluster has a server or none has (one ApplicationSet template addresses them all alike);
 * and a rollout's order is known. Credentials in a server URL are {@link UrlCredentials}' part.
 */
final class Fleets {

    private Fleets() {
    }

    static void check(ResolvedProject project, Findings findings) {
        Locator locator = project.base().locator();
        project.base().spec().environments().forEach((name, environment) -> {
            Optional<Fleet> fleet = environment.fleet();
            if (environment.cluster() != null && fleet.isPresent()) {
                findings.add(locator.finding(Code.CHECK_CLUSTER_CHOICE, Pointers.of("environments", name, "clusters"),
                        Code.CHECK_CLUSTER_CHOICE.message(name, "both cluster and clusters")));
            } else if (environment.cluster() == null && fleet.isEmpty()) {
                findings.add(locator.finding(Code.CHECK_CLUSTER_CHOICE, Pointers.of("environments", name),
                        Code.CHECK_CLUSTER_CHOICE.message(name, "neither cluster nor clusters")));
            }
            if (fleet.isEmpty()) {
                if (environment.rollout() != null) {
                    rollout(locator, name, "rollout", "rollout orders the clusters of a fleet: remove it, or give clusters", findings);
                }
                return;
            }
            if (fleet.get().progressive() && !environment.autoSync()) {
                rollout(locator, name, "rollout", "a progressive rollout syncs each wave once the one before is healthy,"
                        + " which sync: manual leaves to a person: set sync: auto, or rollout: parallel", findings);
            }
            if (fleet.get().selects()) {
                checkWaves(locator, name, environment, fleet.get(), findings);
            } else {
                checkMembers(locator, name, fleet.get().members(), findings);
            }
        });
    }

    private static void checkMembers(Locator locator, String environment, List<Fleet.Member> members, Findings findings) {
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> servers = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Fleet.Member member = members.get(i);
            Integer first = names.putIfAbsent(member.name(), i);
            if (first != null) {
                duplicate(locator, environment, i, member.server() == null ? "" : "name", "cluster '" + member.name() + "'", first, findings);
            }
            if (member.server() != null) {
                Integer firstServer = servers.putIfAbsent(server(member.server()), i);
                if (firstServer != null) {
                    duplicate(locator, environment, i, "server", "server '" + member.server() + "'", firstServer, findings);
                }
            }
        }
        Optional<Fleet.Member> withServer = members.stream().filter(m -> m.server() != null).findFirst();
        if (withServer.isPresent()) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).server() == null) {
                    findings.add(locator.finding(Code.CHECK_FLEET_SERVERS, item(environment, i),
                            Code.CHECK_FLEET_SERVERS.message(members.get(i).name(), withServer.get().name())));
                }
            }
        }
    }

    private static void checkWaves(Locator locator, String environment, Spec.EnvironmentSpec spec, Fleet fleet, Findings findings) {
        if (fleet.progressive() && fleet.waves().isEmpty()) {
            rollout(locator, environment, "rollout", "a progressive rollout over a selector needs clusters.waves: list the values of"
                    + " the cluster secrets' " + Fleet.WAVE_LABEL + " label in rollout order", findings);
        } else if (!fleet.progressive() && !fleet.waves().isEmpty()) {
            findings.add(locator.finding(Code.CHECK_FLEET_ROLLOUT, Pointers.of("environments", environment, "clusters", "waves"),
                    Code.CHECK_FLEET_ROLLOUT.message(environment, "waves order a progressive rollout only: set rollout: progressive, or remove waves")));
        }
    }

    private static void rollout(Locator locator, String environment, String field, String problem, Findings findings) {
        findings.add(locator.finding(Code.CHECK_FLEET_ROLLOUT, Pointers.of("environments", environment, field),
                Code.CHECK_FLEET_ROLLOUT.message(environment, problem)));
    }

    private static void duplicate(Locator locator, String environment, int index, String field, String what, int first,
                                  Findings findings) {
        String pointer = item(environment, index) + (field.isEmpty() ? "" : "/" + field);
        findings.add(locator.finding(Code.CHECK_FLEET_DUPLICATE, pointer,
                Code.CHECK_FLEET_DUPLICATE.message(what, environment, first)));
    }

    private static String item(String environment, int index) {
        return Pointers.of("environments", environment, "clusters", Integer.toString(index));
    }

    /** A server URL as Argo CD compares it: without a trailing '/'. */
    static String server(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
