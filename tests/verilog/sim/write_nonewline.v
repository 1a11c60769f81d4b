// $write does not add a newline; $display with no arguments prints an empty line; default radix variants.
module top;
  reg [7:0] v;
  initial begin
    v = 8'd200;
    $write("a");
    $write("b", "c\n");
    $display;
    $display("v=", v);
    $displayb("v=", v);
    $displayo("v=", v);
    $displayh("v=", v);
    $writeh(v, " ");
    $writeb(v);
    $write("\n");
  end
endmodule
