/** A file path: always left to right, isolated so it cannot reorder the sentence around it. */
export function PathText({ path }: { path: string }) {
  return (
    <bdi dir="ltr" className="path-text">
      {path}
    </bdi>
  )
}
