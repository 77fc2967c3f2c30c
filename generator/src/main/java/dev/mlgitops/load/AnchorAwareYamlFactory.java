package dev.mlgitops.load;

import java.io.Reader;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML factory whose parsers also tell the anchor of a scalar value: Jackson's
 * {@code getObjectId()} reports anchors of mappings and sequences only, and the loader resolves
 * aliases itself so that it can count them. Immutable like its parent.
 */
final class AnchorAwareYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    AnchorAwareYamlFactory(YAMLFactory configured) {
        super(configured);
    }

    @Override
    protected Parser _createParser(ObjectReadContext readContext, IOContext ioContext, Reader reader) {
        return new Parser(readContext, ioContext, _getBufferRecycler(),
                readContext.getStreamReadFeatures(_streamReadFeatures),
                readContext.getFormatReadFeatures(_formatReadFeatures), _loadSettings, reader);
    }

    /** Jackson's YAML parser plus the anchor of whatever value is current. */
    static final class Parser extends YAMLParser {

        Parser(ObjectReadContext readContext, IOContext ioContext, BufferRecycler recycler, int streamReadFeatures,
               int formatReadFeatures, LoadSettings settings, Reader reader) {
            super(readContext, ioContext, recycler, streamReadFeatures, formatReadFeatures, settings, reader, true);
        }

        /** The anchor ({@code &name}) on the current value, of any kind; call it on value tokens only. */
        Optional<String> valueAnchor() {
            if (_lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent)) {
                return node.getAnchor().map(Anchor::getValue);
            }
            return Optional.empty();
        }

        /**
         * The explicit tag ({@code !!str}, {@code !x}) on the current value or key, resolved to its full
         * form ({@code tag:yaml.org,2002:str}); empty when the node has none.
         */
        Optional<String> explicitTag() {
            if (_lastEvent instanceof ScalarEvent scalar) {
                return scalar.getTag();
            }
            if (_lastEvent instanceof CollectionStartEvent collection) {
                return collection.getTag();
            }
            return Optional.empty();
        }

        /** The text of the current scalar or key as written, before any resolution; null for other nodes. */
        String scalarText() {
            return _lastEvent instanceof ScalarEvent scalar ? scalar.getValue() : null;
        }
    }
}
