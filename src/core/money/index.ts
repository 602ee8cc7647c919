export * from "./cents";
export * from "./ratio";
