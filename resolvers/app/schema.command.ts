import { writeSchemaFile } from './schema';

/** `hub schema`: writes schema/schema.graphql from the code. */
export async function run(): Promise<number> {
  console.log(`Wrote ${await writeSchemaFile()}`);
  return 0;
}
