package io.github.sdrm;

/**
 * Thrown when a model file cannot be read: it is not an SDRM model, it is truncated or corrupt, or
 * it was written by a newer version of the format.
 */
public final class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file and the problem. */
  public ModelFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and its cause. */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
