package dev.mlgitops.policy;

import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.typed.TypedObject;

/**
 * A mutable tag deploys whatever was pushed last, so the tree no longer says what runs. The
 * finding points at the spec.images entry when the image came from there.
 */
final class NoLatestTag extends ContainerRule {

    NoLatestTag() {
        super(Code.POLICY_LATEST_TAG);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        String image = container.node().path("image").asString("");
        if (image.isEmpty() || pinned(image)) {
            return Optional.empty();
        }
        String message = code().message(object.key(), container.name(), image);
        String pointer = scope.environment().spec().images().entrySet().stream()
                .filter(entry -> entry.getValue().equals(image))
                .map(entry -> "/images/" + Locator.escape(entry.getKey()))
                .findFirst().orElse(object.source());
        return Optional.of(new Violation(pointer, message));
    }

    /** A digest, or a tag other than latest after the last path segment's colon (not a registry port's). */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon >= 0 && !last.substring(colon + 1).equals("latest");
    }
}
