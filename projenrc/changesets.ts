import { JsonFile, type awscdk } from 'projen';

/**
 * Versions and changelogs come from changesets (2.x: 3.x needs Node 22). The platform is a private
 * app package, versioned and tagged but never published.
 */
export function setupChangesets(project: awscdk.AwsCdkTypeScriptApp): void {
  project.package.addField('private', true);
  project.package.file.addDeletionOverride('publishConfig');
  new JsonFile(project, '.changeset/config.json', {
    obj: {
      $schema: 'https://unpkg.com/@changesets/config@3.1.1/schema.json',
      changelog: '@changesets/cli/changelog',
      commit: false,
      fixed: [],
      linked: [],
      access: 'restricted',
      baseBranch: 'main',
      updateInternalDependencies: 'patch',
      ignore: [],
      privatePackages: { version: true, tag: true },
    },
  });
  project.addTask('changeset', { description: 'Record a user-visible change (changesets)', exec: 'changeset', receiveArgs: true });
}
