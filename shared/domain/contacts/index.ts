export * from './activation';
export * from './contact';
export * from './csv';
export * from './stakeholderCategories';
export * from './tree';
export * from './vcard';
