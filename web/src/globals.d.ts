// GraphQL documents are bundled as text (web/build's loader for .graphql).
declare module "*.graphql" {
  const document: string;
  export default document;
}
