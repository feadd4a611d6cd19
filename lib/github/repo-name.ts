/** A repository on the client's host, `owner/name`. */
export interface RepoName {
  owner: string;
  name: string;
}

export function fullName(repo: RepoName): string {
  return `${repo.owner}/${repo.name}`;
}
