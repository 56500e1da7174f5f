package az.asan.mektub.platform.security;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A compact, explicit form for one kind of value kept in a session, instead of Java serialisation:
 * the signed-in person's security context is read on every signed-in request, and writing out what
 * it is made of is a fraction of the bytes and the time. A feature that owns such a value declares a
 * bean; values no codec handles are Java-serialised as before.
 */
public interface SessionValueCodec {

	/** Marks this codec's values in storage; never 0xAC, the first byte of a Java-serialised value. */
	byte tag();

	/** Whether this codec can write the value completely; if not, Java serialisation is used. */
	boolean handles(Object value);

	void write(Object value, DataOutput out) throws IOException;

	Object read(DataInput in) throws IOException;

}
