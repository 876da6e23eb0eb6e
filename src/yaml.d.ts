declare module '*.yaml' {
  const data: unknown;
  export default data;
}

/** The URL of the built 「听一听」 speech module (src/integrations/speech-chunk.mjs). */
declare module 'virtual:zz-speech' {
  export const speechUrl: string;
}
