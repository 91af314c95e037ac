package dev.primer.tf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public member of the two library modules, {@code dsl} and {@code tf-bridge}, has a
 * Javadoc comment (the project's rule). Parses their sources (no compilation, about a second) and
 * applies javadoc's own "missing comment" rule: public and protected types, constructors, methods,
 * fields and enum constants reachable from outside, members of interfaces being public unless
 * private; a method that overrides another ({@code @Override}) inherits its comment, except a
 * record's accessor, which overrides only the implicit one. {@code @param} and {@code @return}
 * tags are not required.
 */
class PublicJavadocTest {

  private static final List<Path> SOURCE_ROOTS =
      List.of(Path.of("src/main/java"), Path.of("../dsl/src/main/java"));

  @Test
  void everyPublicMemberOfDslAndTfBridgeHasJavadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      List<Path> sources = new ArrayList<>();
      for (Path root : SOURCE_ROOTS) {
        assertThat(root).as("source root (tests run in the tf-bridge module)").isDirectory();
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
      }
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"),
          null, units);
      DocTrees docs = DocTrees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        MissingComments scanner = new MissingComments(unit, docs);
        scanner.scan(unit, null);
        missing.addAll(scanner.missing);
        checked += scanner.checked;
      }
    }
    assertThat(checked).as("public members checked").isGreaterThan(500);
    assertThat(missing).as("public members without a Javadoc comment").isEmpty();
  }

  /** Collects the members that javadoc would report as having no comment. */
  private static final class MissingComments extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final DocTrees docs;
    final List<String> missing = new ArrayList<>();
    int checked;

    MissingComments(CompilationUnitTree unit, DocTrees docs) {
      this.unit = unit;
      this.docs = docs;
    }

    @Override
    public Void visitClass(ClassTree type, Void unused) {
      if (!visible(getCurrentPath())) {
        return null; // nothing inside a hidden type is visible either
      }
      require(getCurrentPath(), "type " + type.getSimpleName());
      return super.visitClass(type, unused);
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      TreePath path = getCurrentPath();
      if (visible(path) && !(overrides(method) && !recordAccessor(path, method))) {
        String name = method.getName().contentEquals("<init>") ? "constructor" : "method "
            + method.getName();
        require(path, name + " of " + enclosing(path).getSimpleName());
      }
      return null; // a body holds no public members
    }

    @Override
    public Void visitVariable(VariableTree field, Void unused) {
      TreePath path = getCurrentPath();
      if (path.getParentPath().getLeaf() instanceof ClassTree && visible(path)) {
        require(path, "field " + field.getName() + " of " + enclosing(path).getSimpleName());
      }
      return null;
    }

    private void require(TreePath path, String what) {
      checked++;
      if (docs.getDocCommentTree(path) == null) {
        long line = unit.getLineMap().getLineNumber(docs.getSourcePositions()
            .getStartPosition(unit, path.getLeaf()));
        missing.add(unit.getSourceFile().getName() + ":" + line + " " + what);
      }
    }

    /** Whether the declaration at {@code path} and every type around it can be seen outside. */
    private static boolean visible(TreePath path) {
      for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
        Tree parent = p.getParentPath().getLeaf();
        if (parent instanceof CompilationUnitTree) {
          return modifiers(p.getLeaf()).getFlags().contains(Modifier.PUBLIC);
        }
        if (!(parent instanceof ClassTree outer)) {
          return false; // a local or anonymous class
        }
        if (!visibleIn(outer, p.getLeaf())) {
          return false;
        }
      }
      return false;
    }

    /** Whether {@code member} is public or protected as a member of {@code outer}. */
    private static boolean visibleIn(ClassTree outer, Tree member) {
      Set<Modifier> flags = modifiers(member).getFlags();
      if (flags.contains(Modifier.PRIVATE)) {
        return false;
      }
      boolean inInterface = outer.getKind() == Tree.Kind.INTERFACE
          || outer.getKind() == Tree.Kind.ANNOTATION_TYPE;
      // enum constants parse with the flags public, static and final
      return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED) || inInterface;
    }

    private static ModifiersTree modifiers(Tree tree) {
      return switch (tree.getKind()) {
        case METHOD -> ((MethodTree) tree).getModifiers();
        case VARIABLE -> ((VariableTree) tree).getModifiers();
        default -> ((ClassTree) tree).getModifiers();
      };
    }

    private static boolean overrides(MethodTree method) {
      return method.getModifiers().getAnnotations().stream()
          .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
    }

    /** A record's explicit accessor of one of its components: overrides nothing documented. */
    private static boolean recordAccessor(TreePath path, MethodTree method) {
      ClassTree owner = enclosing(path);
      if (owner.getKind() != Tree.Kind.RECORD || !method.getParameters().isEmpty()) {
        return false;
      }
      Set<String> components = owner.getMembers().stream()
          .filter(m -> m instanceof VariableTree)
          .map(m -> ((VariableTree) m).getName().toString())
          .collect(Collectors.toSet());
      return components.contains(method.getName().toString());
    }

    private static ClassTree enclosing(TreePath path) {
      return (ClassTree) path.getParentPath().getLeaf();
    }
  }
}
