package dev.mlgitops.render;

import java.util.Map;

/**
 * One rendering of an engine's whole blueprint folder: its data model, and the spec item it
 * renders, so a finding about an object it makes can point back at that item.
 *
 * @param source JSON pointer of the item in {@code spec}, e.g. {@code /serving/explainer} or {@code /tenancy}
 */
record ItemModel(String source, Map<String, Object> model) {
}
