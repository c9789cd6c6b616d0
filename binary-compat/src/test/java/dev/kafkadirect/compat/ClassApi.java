package dev.kafkadirect.compat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a class file offers callers and subclasses: its name, kind, supertypes and its public and protected
 * members, each as {@code [field ][static ]name descriptor} (the erased signature a caller's bytecode links
 * against), leaving out what compilers generate for their own use (synthetic members, static initialisers,
 * Scala's lambda bodies).
 * Read straight from the class file's bytes, so that two classes of the same name (Apache's and ours) can be
 * compared without loading either.
 */
final class ClassApi {
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_PROTECTED = 0x0004;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_INTERFACE = 0x0200;
    private static final int ACC_SYNTHETIC = 0x1000;

    final String name;
    final boolean isInterface;
    final boolean isFinal;
    final boolean isPublic;
    final String superName;
    final List<String> interfaces;
    final Set<String> members;

    private ClassApi(String name, int access, String superName, List<String> interfaces, Set<String> members) {
        this.name = name;
        this.isInterface = (access & ACC_INTERFACE) != 0;
        this.isFinal = (access & ACC_FINAL) != 0;
        this.isPublic = (access & ACC_PUBLIC) != 0;
        this.superName = superName;
        this.interfaces = Collections.unmodifiableList(interfaces);
        this.members = Collections.unmodifiableSet(members);
    }

    /** Reads a class file; the stream is closed. */
    static ClassApi read(InputStream classFile) {
        try (DataInputStream in = new DataInputStream(classFile)) {
            return parse(new DataInputStream(new ByteArrayInputStream(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassApi parse(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        String[] utf8 = new String[in.readUnsignedShort()];
        int[] classNameIndex = new int[utf8.length];
        for (int i = 1; i < utf8.length; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1:
                    utf8[i] = in.readUTF();
                    break;
                case 7:
                    classNameIndex[i] = in.readUnsignedShort();
                    break;
                case 8: case 16: case 19: case 20:
                    in.readUnsignedShort();
                    break;
                case 15:
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    in.readInt();
                    break;
                case 5: case 6:
                    in.readLong();
                    i++;
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        int access = in.readUnsignedShort();
        String name = dotted(utf8[classNameIndex[in.readUnsignedShort()]]);
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : dotted(utf8[classNameIndex[superIndex]]);
        List<String> interfaces = new ArrayList<>();
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            interfaces.add(dotted(utf8[classNameIndex[in.readUnsignedShort()]]));
        }
        Set<String> members = new LinkedHashSet<>();
        readMembers(in, utf8, members, "field ");
        readMembers(in, utf8, members, "");
        return new ClassApi(name, access, superName, interfaces, members);
    }

    private static void readMembers(DataInputStream in, String[] utf8, Set<String> members, String kind)
            throws IOException {
        for (int count = in.readUnsignedShort(); count > 0; count--) {
            int access = in.readUnsignedShort();
            String memberName = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt());
            }
            if ((access & (ACC_PUBLIC | ACC_PROTECTED)) != 0 && !compilerMade(access, memberName)) {
                members.add(kind + ((access & ACC_STATIC) != 0 ? "static " : "") + memberName + " " + descriptor);
            }
        }
    }

    /** Lambda bodies and other members compilers make for their own code, which no caller links against. */
    private static boolean compilerMade(int access, String memberName) {
        return (access & ACC_SYNTHETIC) != 0 || memberName.equals("<clinit>") || memberName.startsWith("$anonfun$")
                || memberName.equals("$deserializeLambda$");
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }

    @Override
    public String toString() {
        return name;
    }
}
