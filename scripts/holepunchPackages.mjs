// The team sync engine's packages: they load Node-API add-ons (prebuilds per platform, found by
// require-addon beside the package), which a bundle cannot inline. Every bundle that runs the
// engine keeps them external, so they load from node_modules (or app.asar.unpacked when packaged).
export const HOLEPUNCH_PACKAGES = [
  'hypercore',
  'hypercore-crypto',
  'corestore',
  'sodium-native',
  '@hyperswarm/secret-stream',
  'noise-curve-ed',
  'noise-handshake',
  'protomux',
  'compact-encoding',
];
