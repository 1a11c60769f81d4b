// case items may be any expressions, evaluated in order; the case expression and items extend to the widest width.
module top;
  reg [3:0] a, b;
  reg [7:0] w;
  initial begin
    a = 3; b = 5;
    case (a + b)
      b: $display("b");
      a + 5: $display("a+5");
      8: $display("eight");
    endcase
    w = 8'h13;
    case (w)
      4'h3: $display("4'h3 matches (no)");
      {4'h1, 4'h3}: $display("concat");
    endcase
    case (1'b1)
      a[0]: $display("a0");
      b[1]: $display("b1");
    endcase
    case (a)
      default: $display("only default");
    endcase
  end
endmodule
