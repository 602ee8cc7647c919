/* Post-processing of the generated functions.json (custom-functions-metadata writes
 * `allowCustomDataForDataTypeAny` but not `allowErrorForDataTypeAny`).
 *
 * `allowErrorForDataTypeAny: true` lets Excel call a function whose arguments of type `any` (or
 * `any[][]`) hold an error value, so PRACTICE.ARAGING over a range with one #N/A can say which cell,
 * and one bad row of PRACTICE.VARIANCE shows its own error. Without it Excel does not call the
 * function at all and shows the argument's error. Microsoft's metadata reference documents it as a
 * TOP-LEVEL Boolean property with no sub-properties, next to allowCustomDataForDataTypeAny
 * ("Manually create JSON metadata for custom functions", section allowErrorForDataTypeAny,
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany),
 * not an entry of a function's `options` (whose documented keys are cancelable, stream, volatile,
 * requiresAddress...): it is written there, and only when some parameter is of type any. */

const OUTPUT = "functions.json";

/** True when a parameter accepts errors once the flag is set: type any (the default type). */
function acceptsErrors(parameter) {
  return parameter.type === undefined || parameter.type === "any";
}

/**
 * The functions.json text with `allowErrorForDataTypeAny: true` added when any function has a
 * parameter of type any. Throws on text that is not the generator's metadata.
 * @param {string} metadataJson functions.json as custom-functions-metadata wrote it
 * @returns {string}
 */
function withErrorsInArguments(metadataJson) {
  const metadata = JSON.parse(metadataJson);
  if (metadata === null || typeof metadata !== "object" || !Array.isArray(metadata.functions)) {
    throw new Error("functions.json: no functions array");
  }
  const anyParameter = metadata.functions.some((f) => (f.parameters || []).some(acceptsErrors));
  if (!anyParameter) return metadataJson;
  const { functions, ...topLevel } = metadata;
  // Top-level properties first, as in Microsoft's example, then the functions.
  return JSON.stringify({ ...topLevel, allowErrorForDataTypeAny: true, functions }, null, 4);
}

/** Webpack plugin: rewrites the functions.json asset after the metadata plugin has added it. */
class FunctionsJsonOptionsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsJsonOptionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsJsonOptionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(OUTPUT);
          if (asset === undefined) return; // the metadata plugin reported its errors instead
          compilation.updateAsset(OUTPUT, new sources.RawSource(withErrorsInArguments(asset.source.source().toString())));
        },
      );
    });
  }
}

module.exports = { withErrorsInArguments, FunctionsJsonOptionsPlugin };
