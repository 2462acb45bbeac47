import type { Folder } from '../../domain/model.js';
import { link } from '../hal.js';
import { scoped } from '../access.js';
import { repositoryScope } from '../../domain/access/access.js';

export function folderResource(base: string, folder: Folder) {
  const self = `${base}/folders/${folder.id}`;
  const links: Record<string, ReturnType<typeof link>> = {
    self: link(self),
    folder: link(self),
    folders: link(`${self}/folders{?page,size,sort}`),
    'content-repository': link(`${base}/content-repositories/${folder.repositoryId}`),
    'create-folder': link(`${self}/folders`),
    'delete-folder': link(self),
    'update-folder': link(self),
    // The fixture's href is untemplated, which loses paging (management-sdk.md §3.4); this one keeps it.
    'content-items': link(`${base}/content-repositories/${folder.repositoryId}/content-items?folderId=${folder.id}{&page,size,sort,status,projection}`),
  };
  // Not in the vendor fixture, but the SDK's folders.parent() and dc-cli's export follow it (management-sdk.md §3.4).
  if (folder.parentId) links['parent-folder'] = link(`${base}/folders/${folder.parentId}`);
  return scoped({ id: folder.id, name: folder.name, _links: links }, 'folder', repositoryScope(folder.hubId, folder.repositoryId));
}
