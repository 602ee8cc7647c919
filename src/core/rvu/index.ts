export * from "./rvuHeaders";
export * from "./rvuHeaderRow";
export * from "./workRvuRow";
export * from "./readRvuTable";
export * from "./workRvuLookup";
export * from "./workRvusByProvider";
