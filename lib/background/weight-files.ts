import { WEIGHT_FILES, useWeightFiles } from '../rules/default-packs';

/**
 * Fetches the shipped packs' weight files from the extension's own package (`public/weights`,
 * no network) and installs them, before the worker first compiles the packs. They are read in
 * place as typed arrays, so loading costs a file read, not a parse.
 */
export async function loadWeightFiles(getURL: (path: string) => string): Promise<void> {
  const files = await Promise.all(
    Object.entries(WEIGHT_FILES).map(async ([name, file]) => {
      const response = await fetch(getURL(`/${file}`));
      if (!response.ok) throw new Error(`weight file ${file}: ${response.status} ${response.statusText}`);
      return [name, await response.arrayBuffer()] as const;
    }),
  );
  useWeightFiles(Object.fromEntries(files));
}
