/**
 * FaceAttend providers built on Bytedeco's OpenCV and FFmpeg: image decoding
 * ({@link com.faceattend.opencv.OpenCvImageDecoder}, the {@link com.faceattend.spi.ImageDecoder} service), frame sources for video files, network streams,
 * cameras ({@link com.faceattend.opencv.FfmpegFrameSourceProvider}) and image folders
 * ({@link com.faceattend.opencv.ImageFolderFrameSourceProvider}), and a Haar cascade face
 * pre-screen ({@link com.faceattend.opencv.HaarFacePrescreenProvider}). Headless: no AWT or Swing.
 */
package com.faceattend.opencv;
