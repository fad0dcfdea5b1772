import { faces, type Face } from "../api/faces";
import { useBlobUrl } from "../hooks/useBlobUrl";

/**
 * An enrolled photo with its face box. The image needs the bearer token, so it is fetched
 * as a blob and shown from an object URL (revoked when the thumbnail goes away).
 */
export function FaceThumbnail({ personId, face, alt, loadingText, errorText }: {
  personId: number;
  face: Face;
  alt: string;
  loadingText: string;
  errorText: string;
}) {
  const { url, error } = useBlobUrl(["faces", "image", personId, face.id],
    (signal) => faces.image(personId, face.id, signal));
  const failed = Boolean(error);

  const { bbox, width, height } = face;
  return (
    <div className="face-thumb">
      {url ? (
        <>
          <img src={url} alt={alt} />
          {width > 0 && height > 0 && (
            <svg className="face-box" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet"
              aria-hidden="true">
              <rect x={bbox.x} y={bbox.y} width={bbox.w} height={bbox.h} vectorEffect="non-scaling-stroke" />
            </svg>
          )}
        </>
      ) : (
        <span className="face-thumb-placeholder">{failed ? errorText : loadingText}</span>
      )}
    </div>
  );
}
