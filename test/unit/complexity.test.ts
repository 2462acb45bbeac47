/**
 * The complexity rules of vendor doc 004, on its own worked examples, and on GitHub's node-limit examples
 * (the same rule) with a GitHub-shaped schema.
 */
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COMPLEXITY_LIMIT, costBreakdown, mutationCount, requestCost, type CostRules } from '../../src/graphql/complexity.js';
import { typeDefs } from '../../src/graphql/schema.js';

const schema = buildSchema(typeDefs);
const cost = (query: string, variables?: Record<string, unknown>) => requestCost(schema, parse(query), { variables });

describe('004 worked examples', () => {
  it('a single node query: 1 point', () => {
    expect(cost(`{ node(id: "QXNzZXQ6ZmZmZjIwZTktOTljMC00NTM1LWEzZDItNjE1ZDBmBHUY8aek") { id ... on Asset { id name createdDate } } }`)).toBe(1);
  });
  it('assetSearch(first: 100): 100 points', () => {
    expect(cost(`{ assetSearch(keyword: "red* OR green*", first: 100) { edges { node { id name createdDate } } } }`)).toBe(100);
  });
  it('assets by 4 ids: 4 points (the vendor docs\' assetId, and id as on its examples page)', () => {
    const ids = '"ffda4b98-3baf-4a13-ab6c-ced47d80c3d8" "ffb911bc-7299-4f33-a397-a0b5088f7f3e" "f98153b6-90d5-4258-9c56-2ed5ef49badf" "ffff20e9-99c0-4535-a3d2-615d0fe54b5b"';
    expect(cost(`query { assets(assetId: [${ids}]) { edges { node { id name createdDate } } } }`)).toBe(4);
    expect(cost(`query { assets(id: [${ids}]) { edges { node { id } } } }`)).toBe(4);
  });
  it('connected nodes: 1 + 1 + 10 + 200 = 212 (the doc prints 211, but its own terms sum to 212)', () => {
    const query = `{ viewer { mediaHubs { edges { node { assetRepositories(first: 10) { edges { node { id label
      assetFolders(first: 20) { edges { node { id label } } } } } } } } } } }`;
    expect(cost(query)).toBe(212);
  });
  it('a mutation: 2,000 points, whatever it selects', () => {
    expect(cost(`mutation { updateAsset(input: { id: "QXNzZXQ6", name: "XS_Blue_Bag", tags: ["blue", "bag"] }) { id assetRepository { assets(first: 50) { total } } } }`)).toBe(2000);
  });
});

describe('the rules', () => {
  it('takes first from variables, and last when there is no first', () => {
    expect(cost(`query($n: Int) { assetSearch(keyword: "*", first: $n) { total } }`, { n: 37 })).toBe(37);
    expect(cost(`{ assetSearch(keyword: "*", last: 5) { total } }`)).toBe(5);
  });
  it('counts a connection without first or last as its default page size (20)', () => {
    expect(cost(`{ assetSearch(keyword: "*") { total } }`)).toBe(20);
  });
  it('charges nothing for introspection, scalars and plain objects', () => {
    expect(cost(`{ __schema { types { name fields { name } } } }`)).toBe(0);
    expect(cost(`{ viewer { organization { id label } } }`)).toBe(1);
  });
  it('takes the costliest branch of a fragment on an interface', () => {
    expect(cost(`{ node(id: "x") { ... on AssetRepository { assets(first: 30) { total } } ... on AssetFolder { assets(first: 70) { total } } } }`)).toBe(71);
  });
  it('lets exactly 10,000 points pass: five mutations', () => {
    const five = Array.from({ length: 5 }, (_, i) => `m${i}: deleteAssets(input: { id: ["x"] })`).join('\n');
    expect(cost(`mutation { ${five} }`)).toBe(COMPLEXITY_LIMIT);
    expect(mutationCount(parse(`mutation { ${five} }`))).toBe(5);
    expect(mutationCount(parse(`mutation A { a: deleteAssets(input: { id: ["x"] }) } query B { viewer { organization { id } } }`), 'A')).toBe(1);
    expect(mutationCount(parse(`{ viewer { organization { id } } }`))).toBe(0);
  });
});

describe('GitHub node-limit examples (the same rule)', () => {
  const github = buildSchema(`
    type Query { viewer: User }
    type User { login: String repositories(first: Int): RepositoryConnection followers(first: Int): UserConnection }
    type RepositoryConnection { edges: [RepositoryEdge] }
    type RepositoryEdge { node: Repository }
    type Repository { name: String issues(first: Int): IssueConnection pullRequests(first: Int): PullRequestConnection }
    type IssueConnection { totalCount: Int edges: [IssueEdge] }
    type IssueEdge { node: Issue }
    type Issue { title: String bodyHTML: String comments(first: Int): CommentConnection }
    type PullRequestConnection { edges: [PullRequestEdge] }
    type PullRequestEdge { node: PullRequest }
    type PullRequest { title: String comments(first: Int): CommentConnection }
    type CommentConnection { edges: [CommentEdge] }
    type CommentEdge { node: Comment }
    type Comment { bodyHTML: String }
    type UserConnection { edges: [UserEdge] }
    type UserEdge { node: User }
  `);
  // GitHub counts connections only; its viewer is free.
  const rules: CostRules = { singleNodeFields: new Set(), defaultConnectionSize: 0, connectionSizes: {} };
  const githubCost = (query: string) => requestCost(github, parse(query), {}, rules);

  it('repositories(first: 50) { issues(first: 10) }: 50 + 500 = 550', () => {
    expect(githubCost(`{ viewer { repositories(first: 50) { edges { node { name issues(first: 10) { totalCount edges { node { title } } } } } } } }`)).toBe(550);
  });
  it('the complex example: 50 + 1,000 + 10,000 + 1,000 + 10,000 + 10 = 22,060', () => {
    const query = `{ viewer { repositories(first: 50) { edges { repository: node { name
      pullRequests(first: 20) { edges { pullRequest: node { title comments(first: 10) { edges { comment: node { bodyHTML } } } } } }
      issues(first: 20) { totalCount edges { issue: node { title bodyHTML comments(first: 10) { edges { comment: node { bodyHTML } } } } } } } } }
      followers(first: 10) { edges { follower: node { login } } } } }`;
    expect(githubCost(query)).toBe(22_060);
    // Comments of pull requests and of issues both fetch 10,000 nodes: the first in the document is named.
    expect(costBreakdown(github, parse(query), {}, rules)).toEqual({ points: 22_060, costliest: { path: 'viewer.repositories.pullRequests.comments', points: 10_000 } });
  });
});

describe('the costliest field (named when a request is refused)', () => {
  const breakdown = (query: string, variables?: Record<string, unknown>) => {
    const result = costBreakdown(schema, parse(query), { variables });
    // The breakdown counts by the same rules as the score.
    expect(result.points).toBe(cost(query, variables));
    return result.costliest;
  };

  it('on 004\'s examples: the field that fetches the most nodes, named without edges and node', () => {
    expect(breakdown(`{ node(id: "QXNzZXQ6") { id ... on Asset { name } } }`)).toEqual({ path: 'node', points: 1 });
    expect(breakdown(`{ assetSearch(keyword: "red* OR green*", first: 100) { edges { node { id } } } }`)).toEqual({ path: 'assetSearch', points: 100 });
    expect(breakdown(`query { assets(assetId: ["a", "b", "c", "d"]) { edges { node { id } } } }`)).toEqual({ path: 'assets', points: 4 });
    const connected = `{ viewer { mediaHubs { edges { node { assetRepositories(first: 10) { edges { node { id label
      assetFolders(first: 20) { edges { node { id label } } } } } } } } } } }`;
    expect(breakdown(connected)).toEqual({ path: 'viewer.mediaHubs.assetRepositories.assetFolders', points: 200 });
    expect(breakdown(`mutation { updateAsset(input: { id: "QXNzZXQ6", name: "XS_Blue_Bag" }) { id assetRepository { assets(first: 50) { total } } } }`)).toEqual({
      path: 'updateAsset',
      points: 2000,
    });
  });

  it('over the limit: the assets of 100 repositories, 10,100 of the 10,202 points', () => {
    const query = '{ viewer { mediaHubs { edges { node { assetRepositories(first: 100) { edges { node { assets(first: 101) { total } } } } } } } } }';
    expect(breakdown(query)).toEqual({ path: 'viewer.mediaHubs.assetRepositories.assets', points: 10_100 });
  });

  it('names aliases, and counts the selection of the field it names', () => {
    const query = `{ search: assetSearch(keyword: "*", first: 100) { edges { node { repository: assetRepository {
      folders: assetFolders(first: 100) { edges { node { assets(first: 1) { total } } } } } } } } }`;
    // folders and their assets both fetch 10,000 nodes: the first is named, with its assets' points.
    expect(breakdown(query)).toEqual({ path: 'search.repository.folders', points: 20_000 });
  });

  it('follows named and inline fragments, variables and @skip', () => {
    const query = `query($n: Int, $skip: Boolean!) { viewer { ...Hubs } }
      fragment Hubs on Viewer { mediaHubs { edges { node { assetRepositories(first: $n) { edges { node {
        ... on AssetRepository { assets(first: 200) { total } }
        assetFolders(first: 500) @skip(if: $skip) { total } } } } } } } }`;
    expect(breakdown(query, { n: 60, skip: true })).toEqual({ path: 'viewer.mediaHubs.assetRepositories.assets', points: 12_000 });
    expect(breakdown(query, { n: 60, skip: false })).toEqual({ path: 'viewer.mediaHubs.assetRepositories.assetFolders', points: 30_000 });
  });

  it('takes the costliest possible type of an interface, as the score does', () => {
    const query = `{ node(id: "x") { ... on AssetRepository { assets(first: 30) { total } } ... on AssetFolder { assets(first: 70) { total } } } }`;
    expect(breakdown(query)).toEqual({ path: 'node.assets', points: 70 });
  });

  it('names a lone single node, and nothing in a request that costs nothing', () => {
    expect(breakdown(`{ __typename viewer { organization { id } } }`)).toEqual({ path: 'viewer', points: 1 });
    expect(breakdown(`{ __schema { types { name } } }`)).toBeUndefined();
  });
});
