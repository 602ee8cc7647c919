/** Types of scripts/functionsJsonOptions.js (CommonJS, required by webpack.config.js). */
export declare function withErrorsInArguments(metadataJson: string): string;
export declare class FunctionsJsonOptionsPlugin {
  apply(compiler: unknown): void;
}
