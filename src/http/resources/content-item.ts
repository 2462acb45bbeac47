import { publishingStatusOf, type ContentItem, type ContentItemHistoryEntry } from '../../domain/model.js';
import { link, type Links } from '../hal.js';
import { hierarchyOf } from '../../domain/content-items/linked.js';
import { scoped } from '../access.js';
import { repositoryScope } from '../../domain/access/access.js';

/** The relations of wire-examples.json CONTENT_ITEM that Decibel serves. */
function contentItemLinks(base: string, item: ContentItem): Links {
  const self = `${base}/content-items/${item.id}`;
  const links: Links = {
    self: link(self),
    'content-item': link(self),
    update: link(`${self}{?ignoreSchemaValidation}`),
    archive: link(`${self}/archive`),
    unarchive: link(`${self}/unarchive`),
    'restore-version': link(`${self}/restore`),
    'content-repository': link(`${base}/content-repositories/${item.contentRepositoryId}`),
    'content-item-version': link(`${self}/versions{/version}`),
    'content-item-versions': link(`${self}/versions{?page,size,sort}`),
    'content-item-history': link(`${self}/history{?page,size,sort}`),
    copy: link(`${base}/content-repositories/{id}/content-items?sourceContentItemId=${item.id}`),
    'delivery-key': link(`${self}/delivery-key`),
    publish: link(`${self}/publish`),
    unpublish: link(`${self}/unpublish`),
    planned: link(`${self}/planned{?epoch,time}`),
    'set-locale': link(`${self}/locale`),
    'edit-workflow': link(`${self}/workflow`),
    'content-item-with-children': link(`${base}/content-items/search/findByIdWithChildren?id=${item.id}`),
    'content-item-with-parents': link(`${base}/content-items/search/findByIdWithParents?id=${item.id}`),
    'create-localizations': link(`${self}/localize`),
    localizations: link(`${self}/localizations{?page,size,sort}`),
    'localization-jobs': link(`${base}/localization-jobs/search/findByRootContentItem?id=${item.id}{&page,size,sort}`),
  };
  if (item.folderId) links.folder = link(`${base}/folders/${item.folderId}`);
  return links;
}

/** A content item on the wire (management-sdk.md §4.3); `projection=basic` leaves the body out. */
export function contentItemResource(base: string, item: ContentItem, { basic = false }: { basic?: boolean } = {}) {
  return scoped({
    id: item.id,
    contentRepositoryId: item.contentRepositoryId,
    folderId: item.folderId,
    ...(basic ? {} : { body: item.body }),
    version: item.version,
    label: item.label,
    locale: item.locale ?? undefined,
    status: item.status,
    createdBy: item.createdBy,
    createdDate: item.createdDate,
    lastModifiedBy: item.lastModifiedBy,
    lastModifiedDate: item.lastModifiedDate,
    deliveryId: item.id,
    deliveryKey: item.deliveryKey ?? undefined,
    assignees: item.assignees,
    assignedDate: item.assignedDate ?? undefined,
    ...(item.workflowState ? { workflow: { state: item.workflowState } } : {}),
    ...((item.body._meta as { hierarchy?: unknown }).hierarchy ? { hierarchy: hierarchyOf(item) } : {}),
    lastPublishedVersion: item.lastPublishedVersion ?? undefined,
    lastPublishedDate: item.lastPublishedDate ?? undefined,
    lastUnpublishedDate: item.lastUnpublishedDate ?? undefined,
    publishingStatus: publishingStatusOf(item),
    _links: contentItemLinks(base, item),
  }, 'item', repositoryScope(item.hubId, item.contentRepositoryId));
}

export function contentItemHistoryResource(base: string, entry: ContentItemHistoryEntry) {
  return {
    ...entry,
    _links: {
      self: link(`${base}/content-items/${entry.contentItemId}/versions/${entry.version}/history`),
      'content-item': link(`${base}/content-items/${entry.contentItemId}`),
      'content-item-version': link(`${base}/content-items/${entry.contentItemId}/versions/${entry.version}`),
    },
  };
}
