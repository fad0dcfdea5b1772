import { useEffect, useRef, useState } from "react";

export type CameraState = "starting" | "live" | "failed";

/**
 * The webcam in a <video>: started on mount, restarted after a failure or when the
 * camera goes away (unplugged, taken by another app), and stopped on unmount.
 */
export function useCamera(retryMs = 3000) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>("starting");

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const retry = () => {
      if (stopped) return;
      setState("failed");
      timer = setTimeout(start, retryMs);
    };
    async function start() {
      if (stopped) return;
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false,
        });
        if (stopped) return stream.getTracks().forEach((track) => track.stop());
        for (const track of stream.getVideoTracks()) track.addEventListener("ended", retry);
        const video = videoRef.current;
        if (video) {
          video.srcObject = stream;
          // play() rejects when a newer stream interrupts it; that stream plays instead.
          await video.play().catch((err: unknown) => console.debug("video.play interrupted", err));
        }
        setState("live");
      } catch {
        retry();
      }
    }
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [retryMs]);

  return { videoRef, state };
}

/** Minimum frame the server's gate rules accept. */
const MIN_W = 640;
const MIN_H = 480;

/** The picture as a JPEG no larger than needed: downscaled while both sides stay at or
 * above 640x480. Null while the video has no picture yet. */
export async function captureJpeg(video: HTMLVideoElement | null, canvas: HTMLCanvasElement):
  Promise<{ blob: Blob; width: number; height: number } | null> {
  if (!video || video.readyState < 2 || !video.videoWidth) return null;
  const scale = Math.min(1, Math.max(MIN_W / video.videoWidth, MIN_H / video.videoHeight));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext("2d")?.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  return blob ? { blob, width: canvas.width, height: canvas.height } : null;
}
