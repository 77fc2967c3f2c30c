package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.RunInputs;

/**
 * The training pods reach a dataset's store through an egress rule on its port: the URI's own
 * port, or its scheme's usual one (s3, gs, az, https: 443; postgresql: 5432; hdfs: 8020; ...).
 * A dataset over a scheme with neither would be refused at run time, so it is refused here.
 */
final class DatasetStorePorts implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().datasets().forEach((name, dataset) -> {
            if (dataset != null && dataset.uri() != null && !RunInputs.local(dataset.uri())
                    && RunInputs.storePort(dataset.uri()).isEmpty()) {
                String scheme = RunInputs.scheme(dataset.uri());
                findings.add(environment.locator().finding(Code.CHECK_DATASET_PORT, Pointers.of("datasets", name, "uri"),
                        Code.CHECK_DATASET_PORT.message(name, scheme, scheme)));
            }
        });
    }
}
