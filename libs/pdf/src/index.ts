export * from './unicode-fonts';
